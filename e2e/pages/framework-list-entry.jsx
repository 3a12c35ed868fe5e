// A React app that renders a list marked for candor.js (data-candor-rank) from its own state, and can
// reverse it. candor.js must leave the children where React put them: moving them would leave React's
// next render to fight candor.js (or throw), so it says once, on the console, to use useRanked instead.
import { useState } from 'react'
import { createRoot } from 'react-dom/client'

const STORIES = [
  { id: 'cup', about: 'sports', title: 'Underdogs win the cup final' },
  { id: 'moon', about: 'science', title: 'A telescope finds water on a distant moon' },
  { id: 'marathon', about: 'sports', title: 'Marathon route announced for spring' },
  { id: 'bees', about: 'science', title: 'Why bees dance: a new study' },
]

function App() {
  const [stories, setStories] = useState(STORIES)
  return (
    <section>
      <h2>Top stories</h2>
      <button type="button" onClick={() => setStories((s) => [...s].reverse())}>
        Reverse
      </button>
      <ul className="stories" data-candor-rank="topics">
        {stories.map((s) => (
          <li key={s.id} id={s.id} data-candor-about={s.about}>
            {s.title}
          </li>
        ))}
      </ul>
    </section>
  )
}

createRoot(document.getElementById('app')).render(<App />)
