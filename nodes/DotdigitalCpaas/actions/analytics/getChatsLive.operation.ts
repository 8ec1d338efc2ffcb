import type { ReportShape } from './fields';
import { PERIOD_GROUPS, reportFields, reportQuery } from './fields';
import { defineOperation } from '../common';

const shape: ReportShape = { dates: false, groupBy: PERIOD_GROUPS, team: true };

export const { description, execute } = defineOperation({
	resource: 'analytics',
	operation: 'getChatsLive',
	method: 'GET',
	path: '/analytics/chats/live',
	fields: reportFields(shape),
	query(i: number) {
		return reportQuery.call(this, i, shape);
	},
});
