// Takes the README screenshots from a running `npm start` (n8n 2.x on 127.0.0.1:5678), with Debian's
// Chromium and playwright-core installed outside the repo:
//   PLAYWRIGHT_CORE=/path/to/node_modules/playwright-core node test/demo/screenshots.js
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const OUT = require('path').join(__dirname, '..', '..', 'docs', 'screenshots');
const BASE = 'http://127.0.0.1:5678';

(async () => {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	await page.goto(`${BASE}/signin`);
	await page.fill('input[type=email]', 'owner@n8n-nodes-engagement.test');
	await page.fill('input[type=password]', 'Engagement-Test-Passw0rd');
	await page.keyboard.press('Enter');
	await page.waitForTimeout(4000);
	await page.goto(`${BASE}/workflow/demoWebEngageUE`);
	await page.waitForTimeout(6000);
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	await page.waitForTimeout(10000);
	await page.screenshot({ path: `${OUT}/webengage-example-run.png` });
	await page.locator('[data-test-id="canvas-node"]', { hasText: 'Upsert Users' }).dblclick();
	await page.waitForTimeout(3000);
	await page.screenshot({ path: `${OUT}/webengage-node.png` });
	await page.keyboard.press('Escape');
	await page.waitForTimeout(1000);
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	await page.waitForTimeout(1500);
	await page.keyboard.type('engage');
	await page.waitForTimeout(2500);
	await page.screenshot({ path: `${OUT}/node-panel.png` });
	await browser.close();
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
