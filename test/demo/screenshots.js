// Takes the README screenshots from a running `npm start` (n8n 2.x on 127.0.0.1:5678), with Debian's
// Chromium and playwright-core installed outside the repo:
//   PLAYWRIGHT_CORE=/path/to/node_modules/playwright-core DD_SIM_URL=<dotdigital simulator URL> \
//     node test/demo/screenshots.js
// DD_SIM_URL is the `simulator dotdigital` line `npm start` prints: the picker screenshots seed it.
// SCREENSHOTS=pickers takes only the resource-locator pickers.
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const OUT = require('path').join(__dirname, '..', '..', 'docs', 'screenshots');
const BASE = 'http://127.0.0.1:5678';

/** Seeds the dotdigital simulator, then opens the Template and Profile pickers of a dotdigital node. */
async function pickers(page) {
	const sim = process.env.DD_SIM_URL.replace(/\/+$/, '');
	const auth = `Basic ${Buffer.from('apiuser-n8n@apiconnector.com:dd-secret-pass-7f3a91').toString('base64')}`;
	const seed = async (path, data) =>
		await page.request.post(`${sim}/cpaas${path}`, { headers: { authorization: auth }, data });
	const part = [{ type: 'text/plain', data: 'Hello {{profile.firstName}}' }];
	for (const [id, name] of [
		['order-confirmation', 'Order confirmation'],
		['delivery-update', 'Delivery update'],
		['welcome', 'Welcome'],
		['password-reset', 'Password reset'],
	])
		await seed('/templates', { id, name, messageParts: part });
	for (const [id, firstName, lastName, email] of [
		['jane-doe', 'Jane', 'Doe', 'jane.doe@example.com'],
		['janet-king', 'Janet', 'King', 'janet.king@example.com'],
		['jan-novak', 'Jan', 'Novak', 'jan.novak@example.com'],
		['omar-ali', 'Omar', 'Ali', 'omar.ali@example.com'],
	])
		await seed('/profiles', { id, firstName, lastName, email });
	const ddNode = (name, resource, operation, field) => ({
		id: name,
		name,
		type: 'CUSTOM.dotdigitalCpaas',
		typeVersion: 2,
		position: [300, 0],
		credentials: {
			dotdigitalCpaasApi: { id: 'demo-dotdigital', name: 'dotdigital CPaaS (simulator)' },
		},
		parameters: { resource, operation, [field]: { __rl: true, mode: 'list', value: '' } },
	});
	const open = async (node, search, file) => {
		const workflow = {
			name: `Picker: ${node.name}`,
			active: false,
			nodes: [
				{
					id: 't',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				node,
			],
			connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		};
		// From the page, so the request carries n8n's browser-id header like the editor's own calls.
		const data = await page.evaluate(async (body) => {
			const response = await fetch('/rest/workflows', {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'browser-id': localStorage.getItem('n8n-browserId') ?? '',
				},
				body: JSON.stringify(body),
			});
			return (await response.json()).data;
		}, workflow);
		await page.goto(`${BASE}/workflow/${data.id}`);
		await page.waitForTimeout(6000);
		await page.locator('[data-test-id="canvas-node"]', { hasText: node.name }).dblclick();
		await page.waitForTimeout(3000);
		await page.locator('[data-test-id="rlc-input"]').first().click();
		await page.waitForTimeout(3000);
		if (search) {
			await page.keyboard.type(search);
			await page.waitForTimeout(3000);
		}
		await page.screenshot({ path: `${OUT}/${file}` });
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
	};
	await open(
		ddNode('Get a template', 'template', 'get', 'templateId'),
		'',
		'dotdigital-template-picker.png',
	);
	await open(
		ddNode('Get a profile', 'profile', 'get', 'profileId'),
		'jan',
		'dotdigital-profile-search.png',
	);
}

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
	if (process.env.DD_SIM_URL) await pickers(page);
	if (process.env.SCREENSHOTS === 'pickers') return await browser.close();
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
