import * as get from '../../../nodes/DotdigitalCpaas/actions/content/get.operation';
import { dispositionFileName } from '../../../nodes/DotdigitalCpaas/actions/content/get.operation';
import { mockContext } from '../shared/mock-context';

describe('dotdigital Content → Get', () => {
	it('reads the file name of a Content-Disposition header', () => {
		expect(dispositionFileName('attachment; filename="note.txt"')).toBe('note.txt');
		expect(
			dispositionFileName(
				'attachment; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.pdf; filename="resume.pdf"',
			),
		).toBe('résumé.pdf');
		expect(dispositionFileName('inline; filename=plain.csv')).toBe('plain.csv');
		expect(dispositionFileName('inline')).toBeUndefined();
		expect(dispositionFileName(undefined)).toBeUndefined();
	});

	it('takes the file from GET /content/{fileId} itself and fetches no other URL', async () => {
		// A JSON body with a `url` is a file like any other: the node must not follow the link.
		const record = Buffer.from(JSON.stringify({ id: 'f-1', url: 'https://cdn.example.com/f-1' }));
		const { ctx, sent } = mockContext({
			credentials: {
				authMode: 'apiUser',
				region: 'r1',
				username: 'apiuser@example.com',
				password: 'pw-unit',
				customBaseUrl: 'http://127.0.0.1:1/cpaas',
			},
			outcomes: [{ status: 200, body: record, headers: { 'content-type': 'application/json' } }],
			parameters: { fileId: 'f-1', binaryPropertyName: 'data' },
		});
		const prepared: unknown[] = [];
		(ctx.helpers as any).prepareBinaryData = async (
			buffer: Buffer,
			fileName: string,
			mimeType?: string,
		) => {
			prepared.push({ text: buffer.toString(), fileName, mimeType });
			return {
				data: buffer.toString('base64'),
				fileName,
				mimeType: mimeType ?? 'application/octet-stream',
			};
		};
		const [out] = await get.execute.call(ctx, [{ json: {} }]);
		expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
			'GET http://127.0.0.1:1/cpaas/content/f-1',
		]);
		expect(prepared).toEqual([
			{ text: record.toString(), fileName: 'f-1', mimeType: 'application/json' },
		]);
		expect(out.json).toEqual({
			id: 'f-1',
			fileName: 'f-1',
			mimeType: 'application/json',
			size: record.length,
		});
	});
});
