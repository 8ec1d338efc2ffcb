import { relationOperation } from './fields';

export const { description, execute } = relationOperation('linkPrimary', 'PUT', 'primary');
