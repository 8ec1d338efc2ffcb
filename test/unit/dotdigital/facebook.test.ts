import { readMetadata } from '../../../nodes/DotdigitalCpaas/actions/facebook/createMetadata.operation';

describe('dotdigital Facebook Messenger → Create Metadata', () => {
	const token =
		'ae1d3451d3bb705f1c9798cb566d99763165b26c370cea06864ac90cd91c25e2YKQK9LktXekKjmkSbBiwtewd1v/7KBlUugq+Ii34ifAhLnRHcg6EPRpoPMnbHP7ca/IK7bQfFc0Ct+KXA1mDV1SHVk';

	it('reads the metadata as plain text and as the quoted string of the OpenAPI example', () => {
		expect(readMetadata(token)).toBe(token);
		expect(readMetadata(`${token}\n`)).toBe(token);
		expect(readMetadata(JSON.stringify(token))).toBe(token);
	});

	it('refuses anything that is not the metadata', () => {
		for (const body of [
			'',
			'   ',
			'""',
			'"unterminated',
			'{"message":"x"}',
			'[1]',
			'<!DOCTYPE html><html></html>',
			'two words',
			undefined,
			null,
			{ metadata: token },
			123,
		])
			expect(readMetadata(body)).toBeUndefined();
	});
});
