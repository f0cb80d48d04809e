import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import {
  educationLabels,
  educations,
  genderLabels,
  genders,
  honourKindLabels,
  honourKinds,
  honourLevelLabels,
  honourLevels,
  skillGradeLabels,
  skillGrades,
} from '../../../../../common/enums';
import type { Person, PersonCreate } from '../../../../../common/schemas/people';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout, usePhone } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';

type Values = Omit<PersonCreate, 'honours'> & { honours?: PersonCreate['honours'] };

const fieldsOf = (p: Person): Values => ({
  orgId: p.orgId,
  employeeNo: p.employeeNo,
  name: p.name,
  gender: p.gender,
  birthYear: p.birthYear,
  education: p.education,
  skillGrade: p.skillGrade,
  professionalTitle: p.professionalTitle,
  trade: p.trade,
  phone: p.phone,
  email: p.email,
  honours: p.honours,
});

/** Creates a person, or edits `person` (sending its version: a stale edit gets 409 and changes nothing). */
export function PersonFormModal(props: {
  open: boolean;
  person?: Person;
  onClose: () => void;
  onSaved: (p: Person) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const layout = useFormLayout(6);
  const phone = usePhone();
  const { person, open } = props;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (person) form.setFieldsValue(fieldsOf(person));
  }, [open, person, form]);

  const onOk = async () => {
    const values = await validValues(form);
    if (!values) return;
    // A cleared text field means "no value", not an empty string.
    const cleaned = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v]));
    const body = { ...cleaned, honours: values.honours ?? [] };
    setBusy(true);
    try {
      const saved = person
        ? await api<Person>(`/api/people/${person.id}`, {
            method: 'PATCH',
            body: { ...body, version: person.version },
          })
        : await api<Person>('/api/people', { method: 'POST', body });
      message.success(t('common.saved'));
      props.onSaved(saved);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };

  const required = (label: string) => ({ required: true, message: t('common.required', { label }) });
  const sel = (label: string) => ({
    allowClear: true,
    placeholder: `${t('common.pleaseSelect')}${lang === 'zh' ? '' : ' '}${label}`,
  });

  return (
    <Modal
      open={open}
      title={person ? t('people.editTitle') : t('people.createTitle')}
      onCancel={props.onClose}
      onOk={onOk}
      okText={t('common.save')}
      confirmLoading={busy}
      width={760}
      forceRender
    >
      <Form form={form} {...layout} style={{ marginTop: 16 }} initialValues={{ honours: [] }}>
        <Form.Item name="orgId" label={t('people.org')} rules={[required(t('people.org'))]}>
          <OrgTreeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="employeeNo"
          label={t('people.employeeNo')}
          rules={[required(t('people.employeeNo'))]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('people.name')} rules={[required(t('people.name'))]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="gender" label={t('people.gender')}>
          <Select {...sel(t('people.gender'))} options={optionsOf(genders, genderLabels, lang)} />
        </Form.Item>
        <Form.Item name="birthYear" label={t('people.birthYear')}>
          <InputNumber min={1930} max={2015} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="education" label={t('people.education')}>
          <Select {...sel(t('people.education'))} options={optionsOf(educations, educationLabels, lang)} />
        </Form.Item>
        <Form.Item name="skillGrade" label={t('people.skillGrade')}>
          <Select {...sel(t('people.skillGrade'))} options={optionsOf(skillGrades, skillGradeLabels, lang)} />
        </Form.Item>
        <Form.Item name="professionalTitle" label={t('people.professionalTitle')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="trade" label={t('people.trade')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('people.phone')}
          rules={[{ pattern: /^[0-9+\- ]{5,30}$/, message: t('people.phone') }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('people.email')}
          rules={[{ type: 'email', message: t('people.email') }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item label={t('people.honours')}>
          <Form.List name="honours">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} wrap={phone} align="top">
                    <Col xs={24} sm={9}>
                      <Form.Item
                        name={[f.name, 'kind']}
                        rules={[required(t('people.honourKind'))]}
                        style={{ marginBottom: 8 }}
                      >
                        <Select
                          placeholder={t('people.honourKind')}
                          options={optionsOf(honourKinds, honourKindLabels, lang)}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={7}>
                      <Form.Item
                        name={[f.name, 'level']}
                        rules={[required(t('people.honourLevel'))]}
                        style={{ marginBottom: 8 }}
                      >
                        <Select
                          placeholder={t('people.honourLevel')}
                          options={optionsOf(honourLevels, honourLevelLabels, lang)}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={9} sm={6}>
                      <Form.Item
                        name={[f.name, 'year']}
                        rules={[required(t('people.honourYear'))]}
                        style={{ marginBottom: 8 }}
                      >
                        <InputNumber
                          placeholder={t('people.honourYear')}
                          min={1950}
                          max={2100}
                          precision={0}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={3} sm={2}>
                      <Button
                        type="text"
                        danger
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(f.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ year: new Date().getFullYear() })}
                  block
                >
                  {t('people.addHonour')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
