import type { ProjectAction, ProjectStatus } from '../../../common/workflows/project.js';
import { AppError } from '../../core/errors.js';

export const projectErrors = {
  notFound: () => new AppError('projects.not_found', 404),
  invalidTransition: (status: ProjectStatus, action: ProjectAction) =>
    new AppError('projects.invalid_transition', 409, { status, action }),
  notEditable: () => new AppError('projects.not_editable', 409),
  notReportable: () => new AppError('projects.not_reportable', 409),
};
