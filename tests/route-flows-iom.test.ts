// IOM deaths per route (geodata/route-flows.json) are what `npm run curate:iom-deaths` computes
// from the real IOM export, so the committed figures can be reproduced; and the API serves them
// beside the Frontex detections on every driver.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iomRouteDeaths, IOM_SOURCE } from '../server/geo/iom-route-deaths.ts'
import { build, type TestApp } from './helpers/build.ts'
import { testDrivers } from './helpers/databases.ts'
import { sharedData } from './helpers/shared-data.ts'

const data = sharedData('the IOM deaths-per-route check', 'iom-mmp/global-missing-migrants-2014-2023.csv')
const stored = (JSON.parse(readFileSync(new URL('../geodata/route-flows.json', import.meta.url), 'utf8')).flows as { metric: string; source: string }[])
  .filter((f) => f.metric === 'deaths' && f.source === IOM_SOURCE.source)

describe.runIf(data.present)('IOM deaths per route, from the real export', () => {
  it('equal the yearly sums of the export, 2014–2022, row for row', () => {
    const computed = iomRouteDeaths(readFileSync(data.path('iom-mmp/global-missing-migrants-2014-2023.csv'), 'utf8'), 2023)
    expect(stored).toEqual(computed)
    // IOM's own yearly total for the Central Mediterranean in 2016, the deadliest year: 4,574 in this export
    expect(computed.find((f) => f.route_id === 'cmr-zuwara-lampedusa' && f.year === 2016)?.value).toBe(4574)
  })
})

describe.each(testDrivers())('route flows on %s', (driver) => {
  let t: TestApp
  beforeAll(async () => {
    t = await build(driver)
  })
  afterAll(async () => t?.close())

  it('serves IOM deaths beside Frontex detections for the Central Mediterranean sea route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/routes/cmr-zuwara-lampedusa/flows' })
    expect(res.statusCode).toBe(200)
    const flows = res.json().flows as { year: number; metric: string; value: number; licence: string }[]
    expect(flows.find((f) => f.metric === 'detections' && f.year === 2016)?.value).toBe(181459)
    const deaths = flows.filter((f) => f.metric === 'deaths')
    expect(deaths.map((f) => f.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022])
    expect(deaths.every((f) => f.licence.startsWith('CC BY 4.0'))).toBe(true)
  })

  it('keeps line widths on detections: the deaths of a year are their own metric', async () => {
    const widths = (await t.app.inject({ method: 'GET', url: '/api/route-flows?year=2016' })).json()
    expect(widths).toEqual({ year: 2016, metric: 'detections', values: { 'cmr-zuwara-lampedusa': 181459 } })
    const deaths = (await t.app.inject({ method: 'GET', url: '/api/route-flows?year=2016&metric=deaths' })).json().values
    expect(deaths['cmr-zuwara-lampedusa']).toBe(4574)
    expect(Object.keys(deaths).sort()).toEqual(['atl-nouadhibou-el-hierro', 'cmr-agadez-sabha-tripoli', 'cmr-zuwara-lampedusa', 'wmr-oran-almeria'])
  })
})
