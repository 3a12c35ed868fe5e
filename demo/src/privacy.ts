import { createCandor } from '@candor/core'
import { defineCandorElement } from '@candor/widget'
import { catalog } from './catalog'

const candor = createCandor({ catalog })
defineCandorElement(candor)
Object.assign(window, { candor })
