// The panel's section on measuring, built into the panel's files (see @candor/widget's measure-loader.ts): as a chunk
// of its own, the modules it shares with the panel would split Preact's files into three requests.
import { Measure } from '../../widget/src/Measure.js'

/** The section, at once. */
export const loadMeasure = async () => ({ Measure })
