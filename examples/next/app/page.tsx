// A server component: the stories come from the server (a CMS, a database), and the HTML it renders is the
// page as everyone sees it. Tailoring happens in the visitor's browser, in the client component below.
import { FrontPage } from './front-page'
import { stories } from './stories'

export default function Page() {
  return (
    <main>
      <h1>The Daily Planet</h1>
      <FrontPage stories={stories} />
    </main>
  )
}
