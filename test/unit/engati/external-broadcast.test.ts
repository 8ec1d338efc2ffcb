import {
	audienceCsv,
	csvField,
	multipartBody,
} from '../../../nodes/Engati/actions/broadcast/sendExternal.operation';
import { parseMultipart } from '../../../tools/simulators/core/simulator';
import { parseCsv } from '../../../tools/simulators/engati';

describe('Engati external broadcast: CSV and multipart body', () => {
	it('quotes CSV fields only where RFC 4180 needs it', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField(' padded ')).toBe('" padded "');
	});

	it('writes the documented header and one row per recipient, which a CSV reader gives back', () => {
		const rows = [
			['+919876543210', 'Asha, Jr.', 'A-1'],
			['+14155550123', 'Jane "J"', 'B-9'],
		];
		const csv = audienceCsv(rows);
		expect(csv.split('\r\n')[0]).toBe('user.phone_number,user.attribute_0,user.attribute_1');
		expect(parseCsv(csv)).toEqual([
			['user.phone_number', 'user.attribute_0', 'user.attribute_1'],
			...rows,
		]);
		expect(audienceCsv([['+919876543210']])).toBe('user.phone_number\r\n+919876543210\r\n');
	});

	it('builds a multipart/form-data body with the CSV file and the template payload', () => {
		const csv = Buffer.from(audienceCsv([['+919876543210', 'Asha']]));
		const payload = JSON.stringify({ name: 'order_update', language: { code: 'en' } });
		const { body, contentType } = multipartBody(csv, 'my "list"\r\n.txt', payload);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=----n8nEngati[0-9a-f]{32}$/);
		const parts = parseMultipart(body, contentType);
		expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
			['target_audience', 'my _list___.txt.csv', 'text/csv'],
			['template_payload', undefined, undefined],
		]);
		expect(parts[0].data.equals(csv)).toBe(true);
		expect(parts[1].data.toString('utf8')).toBe(payload);
		// Two bodies never share a boundary.
		expect(multipartBody(csv, 'a.csv', payload).contentType).not.toBe(contentType);
	});
});
