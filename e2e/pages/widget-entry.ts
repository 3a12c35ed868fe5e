// The /widget.js bundle: the core and the widget, as a page that imports both from npm gets them.
import * as CandorCore from '@candor/core'
import * as CandorWidget from '@candor/widget'

Object.assign(window, { CandorCore, CandorWidget })
