// The paper's stories, in the paper's order: what the server renders, and what a visitor sees without tailoring.
export interface Story {
  title: string
  topic: string
  summary: string
}

export const stories: Story[] = [
  { title: 'City council approves the new tram line', topic: 'news', summary: 'Construction starts in spring, with the first trams due in two years.' },
  { title: 'Underdogs win the cup final on penalties', topic: 'sports', summary: 'A save in the last kick sealed it.' },
  { title: 'A telescope finds water on a distant moon', topic: 'science', summary: 'The signal came from ice under the surface.' },
  { title: 'The museum reopens with a record crowd', topic: 'culture', summary: 'Ten thousand visitors came on the first day.' },
  { title: 'Marathon route announced for spring', topic: 'sports', summary: 'It runs along the river for the first time.' },
  { title: 'Why bees dance: a new study', topic: 'science', summary: 'The dance tells the hive how far the flowers are.' },
  { title: 'Weekend weather: sun, then storms', topic: 'news', summary: 'Take an umbrella on Sunday.' },
  { title: 'Jazz festival lineup revealed', topic: 'culture', summary: 'Forty bands over three nights.' },
  { title: 'Corner bakery opens its fourth shop', topic: 'business', summary: 'This one bakes through the night.' },
  { title: 'Rents ease for the first time in years', topic: 'business', summary: 'Down two percent across the city.' },
]
