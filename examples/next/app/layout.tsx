import type { ReactNode } from 'react'
import './page.css'

export const metadata = { title: 'The Daily Planet — Candor in Next.js' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
