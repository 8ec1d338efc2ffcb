import type { INodeProperties } from 'n8n-workflow';

import {
	conversationLocator,
	defineOperation,
	idField,
	requiredString,
	splitList,
} from '../common';

const fields: INodeProperties[] = [
	conversationLocator(),
	idField('participantIds', 'Participant IDs', 'Comma-separated profile IDs to remove'),
];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'removeParticipants',
	method: 'DELETE',
	path: '/conversations/{conversationId}/participants',
	fields,
	query(i: number) {
		return { id: splitList(requiredString.call(this, 'participantIds', 'Participant IDs', i)) };
	},
	result() {
		return { removed: true };
	},
});
