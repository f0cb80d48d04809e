import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import {
  type AllianceDetail,
  type AllianceProject,
  type AllianceProjectStatus,
  allianceProjectStatuses,
  allianceProjectStatusLabels,
} from '../../../../../common/schemas/alliances';
import { ApiError, api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { useAllianceTexts } from '../texts';

interface Values {
  title: string;
  leadStudioId: number;
  studioIds: number[];
  status: AllianceProjectStatus;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
  summary?: string;
}

/** Adds or edits a joint project of an alliance; studios are chosen among the member studios. */
export function ProjectModal({
  alliance,
  project,
  open,
  onClose,
  onSaved,
}: {
  alliance: AllianceDetail;
  project: AllianceProject | null;
  open: boolean;
  onClose: () => void;
  onSaved: (a: AllianceDetail) => void;
}) {
  const { lang } = useI18n();
  const tx = useAllianceTexts();
  const toast = useErrorToast();
  const [form] = Form.useForm<Values>();
  const studios = alliance.members
    .filter((m) => m.studio && !m.leftOn)
    .map((m) => ({ value: m.studio!.id, label: m.studio!.name }));
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project)
      form.setFieldsValue({
        ...project,
        leadStudioId: project.leadStudio.id,
        studioIds: project.studios.map((s) => s.id),
        startedOn: dayjs(project.startedOn),
        endedOn: project.endedOn ? dayjs(project.endedOn) : null,
        summary: project.summary ?? undefined,
      });
    else form.setFieldsValue({ status: 'ongoing', startedOn: dayjs(), studioIds: [] });
  }, [open, project, form]);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      title: v.title,
      leadStudioId: v.leadStudioId,
      studioIds: v.studioIds ?? [],
      status: v.status,
      startedOn: v.startedOn.format('YYYY-MM-DD'),
      endedOn: v.endedOn ? v.endedOn.format('YYYY-MM-DD') : null,
      summary: v.summary || null,
    };
    try {
      const saved = await api<AllianceDetail>(
        project
          ? `/api/alliances/${alliance.id}/projects/${project.id}`
          : `/api/alliances/${alliance.id}/projects`,
        { method: project ? 'PATCH' : 'POST', body: project ? { ...body, version: project.version } : body },
      );
      onSaved(saved);
    } catch (err) {
      if (!(err instanceof ApiError) || !applyServerErrors(form, err)) toast(err);
    }
  };
  return (
    <Modal
      open={open}
      title={project ? tx('editProject') : tx('addProject')}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={tx('projectTitle')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="leadStudioId" label={tx('leadStudio')} rules={[{ required: true }]}>
          <Select options={studios} />
        </Form.Item>
        <Form.Item name="studioIds" label={tx('partStudios')}>
          <Select mode="multiple" options={studios} />
        </Form.Item>
        <Form.Item name="status" label={tx('projectStatus')}>
          <Select options={optionsOf(allianceProjectStatuses, allianceProjectStatusLabels, lang)} />
        </Form.Item>
        <Form.Item name="startedOn" label={tx('startedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endedOn" label={tx('endedOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="summary" label={tx('intro')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
