// stories.ts: the paper's stories in the paper's order, what a visitor sees without tailoring.
export interface Story {
  title: string
  topic: string
}

export const stories: Story[] = [
  { title: 'City council approves the new tram line', topic: 'news' },
  { title: 'Underdogs win the cup final on penalties', topic: 'sports' },
  { title: 'A telescope finds water on a distant moon', topic: 'science' },
  { title: 'The museum reopens with a record crowd', topic: 'culture' },
]
