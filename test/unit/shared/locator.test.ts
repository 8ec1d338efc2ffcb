import { locatorValue, resourceLocator, searchInList } from '../../../nodes/shared';

describe('resource locators', () => {
	it('reads a locator value and a plain string saved before the field was a locator alike', () => {
		expect(locatorValue({ __rl: true, mode: 'list', value: 'tpl-1', cachedResultName: 'A' })).toBe(
			'tpl-1',
		);
		expect(locatorValue({ __rl: true, mode: 'id', value: ' tpl-2 ' })).toBe(' tpl-2 ');
		expect(locatorValue('tpl-3')).toBe('tpl-3');
		// An object that is not a locator is passed on, so the field check names it.
		expect(locatorValue({ value: 'x' })).toEqual({ value: 'x' });
		expect(locatorValue(undefined)).toBeUndefined();
	});

	it('builds From list / By ID modes, list first, with an ID pattern', () => {
		const field = resourceLocator({
			name: 'templateId',
			displayName: 'Template ID',
			description: 'The template',
			searchListMethod: 'searchTemplates',
			placeholder: 'e.g. welcome',
			idPattern: { regex: '^[a-z]+$', message: 'letters only' },
		});
		expect(field).toMatchObject({
			displayName: 'Template',
			name: 'templateId',
			type: 'resourceLocator',
			required: true,
			default: { mode: 'list', value: '' },
		});
		expect(field.modes?.map((m) => [m.name, m.type])).toEqual([
			['list', 'list'],
			['id', 'string'],
		]);
		expect(field.modes?.[0].typeOptions).toEqual({
			searchListMethod: 'searchTemplates',
			searchable: true,
		});
		expect(field.modes?.[1].validation).toEqual([
			{ type: 'regex', properties: { regex: '^[a-z]+$', errorMessage: 'letters only' } },
		]);
		// Without a list method: By ID only, and the default mode is By ID.
		const byId = resourceLocator({
			name: 'campaignId',
			displayName: 'Campaign ID',
			description: 'd',
			placeholder: 'e.g. ~abc',
		});
		expect(byId.default).toEqual({ mode: 'id', value: '' });
	});

	it('filters a whole list by name or value, case-insensitive, sorted by name', () => {
		const entries = [
			{ name: 'Welcome', value: 'w-1' },
			{ name: 'alert', value: 'a-9' },
		];
		expect(searchInList(entries).results.map((e) => e.name)).toEqual(['alert', 'Welcome']);
		expect(searchInList(entries, 'WEL').results).toEqual([{ name: 'Welcome', value: 'w-1' }]);
		expect(searchInList(entries, 'a-9').results).toEqual([{ name: 'alert', value: 'a-9' }]);
	});
});
