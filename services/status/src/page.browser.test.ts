/**
 * The page in headless Chromium (Debian's `chromium` through playwright-core): each overall state,
 * the 90-day bars, the incident timeline, the page without a reachable platform, and the
 * accessibility basics (landmarks, one h1, labelled charts, no script). Screenshots go to
 * `services/status/artifacts/` (git-ignored; CI keeps them as artifacts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OverallStatus } from '@groundwork/status';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from '../test/platform.js';
import { loadStatusPageConfig } from './env.js';
import { createStatusPage } from './service.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** This package compiles without the DOM library; the callbacks below run in the page. */
type StyleWindow = { getComputedStyle(element: unknown): { borderLeftWidth: string; fill: string } };

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH; the status page browser tests need it.`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function servePage(scenario: OverallStatus) {
  const platform = await startPlatform(scenario);
  const page = await createStatusPage(
    loadStatusPageConfig({
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      STORE_SWEEP_INTERVAL_MS: '0',
      STATUS_PLATFORM_URL: platform.url,
      STATUS_PAGE_TITLE: 'Acme',
      STATUS_FETCH_TIMEOUT_MS: '2000',
    }),
  );
  const { url } = await page.start();
  return {
    url,
    platform,
    page,
    async stop() {
      await page.stop();
      await platform.stop().catch(() => undefined);
    },
  };
}

const HEADINGS: Record<OverallStatus, string> = {
  operational: 'All systems operational',
  degraded: 'Some systems are degraded',
  major_outage: 'Major outage',
};

describe('status page in Chromium', () => {
  for (const scenario of ['operational', 'degraded', 'major_outage'] as const) {
    it(`renders the ${scenario} state with bars and timeline`, async () => {
      const served = await servePage(scenario);
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1000, height: 900 },
      });
      try {
        const tab = await context.newPage();
        const response = await tab.goto(served.url, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        expect(await tab.title()).toBe('Acme status');

        // Landmarks and headings.
        expect(await tab.locator('header').count()).toBe(1);
        expect(await tab.locator('main#main').count()).toBe(1);
        expect(await tab.locator('footer').count()).toBe(1);
        expect(await tab.locator('h1').allTextContents()).toEqual(['Acme status']);
        expect((await tab.locator('#overall-heading').textContent())?.trim()).toBe(HEADINGS[scenario]);
        expect(await tab.locator('script').count()).toBe(0);

        // The stylesheet applied (served under the page's CSP).
        const border = await tab
          .locator('section.overall')
          .evaluate((el) => (globalThis as unknown as StyleWindow).getComputedStyle(el).borderLeftWidth);
        expect(border).toBe('8px');

        // 90 bars per component, visible, each labelled; the chart has a text alternative.
        const components = tab.locator('li.component');
        expect(await components.count()).toBe(3);
        for (let i = 0; i < 3; i += 1) {
          const bars = components.nth(i).locator('svg.bars rect');
          expect(await bars.count()).toBe(90);
          const box = await components.nth(i).locator('svg.bars').boundingBox();
          expect(box?.width ?? 0).toBeGreaterThan(500);
          expect(await components.nth(i).locator('svg.bars').getAttribute('aria-label')).toMatch(
            /uptime over the last 90 days$/,
          );
          expect(await components.nth(i).locator('svg.bars').getAttribute('role')).toBe('img');
        }
        const outageBar = components.nth(0).locator('svg.bars rect[data-status="major_outage"]');
        expect(await outageBar.count()).toBe(1);
        expect(
          await outageBar.evaluate((el) => (globalThis as unknown as StyleWindow).getComputedStyle(el).fill),
        ).not.toBe(
          await components
            .nth(1)
            .locator('svg.bars rect')
            .first()
            .evaluate((el) => (globalThis as unknown as StyleWindow).getComputedStyle(el).fill),
        );
        expect(await components.nth(0).locator('figure.latency svg').getAttribute('aria-label')).toMatch(
          /response time/,
        );

        // Current incidents on top, with their timeline newest first.
        const currentSection = tab.locator('section.incidents.current');
        if (scenario === 'operational') {
          expect(await currentSection.count()).toBe(0);
        } else {
          const sectionOrder = await tab.locator('main > section > h2').allTextContents();
          expect(sectionOrder.indexOf('Current incidents')).toBe(1);
          expect(sectionOrder.indexOf('Current incidents')).toBeLessThan(sectionOrder.indexOf('Components'));
          const updates = currentSection.locator('ol.timeline > li');
          expect(await updates.count()).toBe(2);
          expect(await updates.first().locator('strong').textContent()).toBe(
            scenario === 'degraded' ? 'Monitoring' : 'Identified',
          );
          expect(await updates.nth(1).locator('strong').textContent()).toBe('Investigating');
        }
        // The history's resolved incident and its three updates.
        const past = tab.locator('section.incidents.history article');
        expect(await past.count()).toBe(1);
        expect(await past.locator('ol.timeline > li').count()).toBe(3);
        expect(await tab.locator('text=Upcoming maintenance').count()).toBe(1);

        // What assistive technology gets: the browser's accessibility tree names every chart and heading.
        const tree = await tab.locator('body').ariaSnapshot();
        expect(tree).toContain(`heading "${HEADINGS[scenario]}" [level=2]`);
        expect(tree).toMatch(/img "API: [\d.]+% uptime over the last 90 days"/);
        expect(tree).toMatch(/img "Web app response time over the last 90 days: typically \d+ ms median/);
        expect(tree).toContain('banner');
        expect(tree).toContain('main');
        expect(tree).toContain('contentinfo');

        await tab.screenshot({ path: path.join(ARTIFACTS, `status-${scenario}.png`), fullPage: true });

        // The day-by-day table opens without script.
        const table = components.nth(0).locator('details.daily table');
        expect(await table.isVisible()).toBe(false);
        await components.nth(0).locator('details.daily summary').click();
        expect(await table.isVisible()).toBe(true);
        expect(await components.nth(0).locator('details.daily tbody tr').count()).toBe(90);
      } finally {
        await context.close();
        await served.stop();
      }
    });
  }

  it('renders the last known state, and says so, when the platform is down', async () => {
    const served = await servePage('degraded');
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1000, height: 900 },
    });
    try {
      await served.platform.stop();
      await served.page.source.refresh();
      const tab = await context.newPage();
      const response = await tab.goto(served.url);
      expect(response?.status()).toBe(200);
      const note = tab.locator('section.overall p.stale');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain('The status service cannot be reached right now.');
      expect(await note.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(await tab.locator('svg.bars').count()).toBe(3);
      await tab.screenshot({ path: path.join(ARTIFACTS, 'status-platform-unreachable.png'), fullPage: true });
    } finally {
      await context.close();
      await served.stop();
    }
  });
});
