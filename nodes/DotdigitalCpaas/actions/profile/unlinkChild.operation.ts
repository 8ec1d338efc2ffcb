import { relationOperation } from './fields';

export const { description, execute } = relationOperation('unlinkChild', 'DELETE', 'link');
