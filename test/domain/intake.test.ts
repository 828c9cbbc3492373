// Validating a submitted form (src/domain/intake.ts): valid submissions, required fields, length
// limits, control characters, contact, enums, tampered input and vague descriptions. Over ~400
// lines: one module's cases, one short describe per rule.
import type { Lang } from '../../src/domain/schema';
import type { IntakeResult, SubmissionField } from '../../src/domain/intake';
import { LIMITS, isVagueDescription, validateSubmission } from '../../src/domain/intake';
import { t } from '../../src/domain/i18n';

const DESC = '上午9点打开CRM系统提示“数据库连接错误”,3名销售无法录入客户;重启电脑无效';

const zhForm = () => ({
  title: 'CRM系统数据库连接错误',
  department: '销售部/北京分公司',
  description: DESC,
  urgency: '高',
  category: '软件',
  submitter: '小明',
  contact: '内线8888',
});

const enForm = () => ({
  title: 'CRM DB login error',
  department: 'Sales / Beijing',
  description:
    'Since 9am CRM says "database connection error"; 3 sales staff cannot enter customers. Rebooting did not help.',
  urgency: 'Medium',
  category: 'Network',
  submitter: 'Ming',
  contact: 'ming@example.com',
});

const errorsOf = (r: IntakeResult) => {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r)}`);
  return r.errors;
};
const fieldsOf = (r: IntakeResult) => errorsOf(r).map((e) => e.field);
const ok = (r: IntakeResult) => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r;
};

describe('valid submissions', () => {
  it('the seed example in Chinese', () => {
    const r = ok(validateSubmission(zhForm(), 'zh'));
    expect(r.value).toEqual({
      title: 'CRM系统数据库连接错误',
      department: '销售部/北京分公司',
      description: DESC,
      urgency: 'high',
      category: 'software',
      submitter: '小明',
      contact: '内线8888',
      notifyEmail: '',
    });
    expect(r.warnings).toEqual([]);
  });

  it('an optional email for updates is kept; a bad one or a mobile number is refused beside the field (issue 18)', () => {
    expect(ok(validateSubmission({ ...zhForm(), notifyEmail: ' ming@corp.example.com ' }, 'zh')).value.notifyEmail).toBe('ming@corp.example.com');
    expect(ok(validateSubmission({ ...zhForm(), notifyEmail: '' }, 'zh')).value.notifyEmail).toBe('');
    for (const [bad, lang] of [['not-an-address', 'zh'], ['a@b', 'en'], [`${'x'.repeat(250)}@example.com`, 'zh']] as const) {
      const r = validateSubmission({ ...zhForm(), notifyEmail: bad }, lang);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors).toEqual([{ field: 'notifyEmail', message: t(lang, 'notifyEmailFormat') }]);
    }
    const mobile = validateSubmission({ ...zhForm(), notifyEmail: '13812345678' }, 'zh');
    expect(mobile.ok).toBe(false);
    if (!mobile.ok) expect(mobile.errors).toEqual([{ field: 'notifyEmail', message: t('zh', 'personalMobile') }]);
    const tampered = validateSubmission({ ...zhForm(), notifyEmail: ['a@b.com'] }, 'en');
    expect(tampered.ok).toBe(false);
    if (!tampered.ok) expect(tampered.errors[0].field).toBe('notifyEmail');
  });

  it('English values in an English sheet', () => {
    const r = ok(validateSubmission(enForm(), 'en'));
    expect(r.value.urgency).toBe('medium');
    expect(r.value.category).toBe('network');
    expect(r.value.contact).toBe('ming@example.com');
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['高', 'high'],
    ['High', 'high'],
    ['high', 'high'],
    ['中', 'medium'],
    ['Low', 'low'],
    ['低', 'low'],
  ])('urgency %p in either language → %s', (urgency, code) => {
    for (const lang of ['zh', 'en'] as Lang[])
      expect(ok(validateSubmission({ ...zhForm(), urgency }, lang)).value.urgency).toBe(code);
  });

  it.each([
    ['硬件', 'hardware'],
    ['Software', 'software'],
    ['网络', 'network'],
    ['Access', 'access'],
    ['其他', 'other'],
    ['access', 'access'],
  ])('category %p → %s', (category, code) => {
    expect(ok(validateSubmission({ ...zhForm(), category }, 'zh')).value.category).toBe(code);
  });

  it('trims fields and keeps line breaks inside the description', () => {
    const r = ok(
      validateSubmission(
        {
          ...zhForm(),
          title: '  打印机无法连接  ',
          description: `  ${DESC}\n重启后依旧\n  `,
          submitter: ' 小明 ',
        },
        'zh',
      ),
    );
    expect(r.value.title).toBe('打印机无法连接');
    expect(r.value.description).toBe(`${DESC}\n重启后依旧`);
    expect(r.value.submitter).toBe('小明');
  });

  it('normalises to NFC', () => {
    const r = ok(validateSubmission({ ...enForm(), submitter: 'Jose\u0301' }, 'en'));
    expect(r.value.submitter).toBe('Jos\u00e9');
  });

  it('extra keys are ignored and not copied', () => {
    const r = ok(
      validateSubmission(
        { ...zhForm(), id: 'IT20240501001', status: '已关闭', isAdmin: true, __proto__x: 1 },
        'zh',
      ),
    );
    expect(Object.keys(r.value).sort()).toEqual([
      'category',
      'contact',
      'department',
      'description',
      'notifyEmail',
      'submitter',
      'title',
      'urgency',
    ]);
  });

  it('accepts an email or an extension as contact', () => {
    for (const contact of [
      '8888',
      '内线8888',
      'ext 8888',
      '分机 1234',
      'zhang@example.com',
      '010-12345678',
    ]) {
      expect([contact, validateSubmission({ ...zhForm(), contact }, 'zh').ok]).toEqual([contact, true]);
    }
  });
});

describe('required fields', () => {
  const REQUIRED: [SubmissionField, string, string][] = [
    ['title', '问题标题', 'Title'],
    ['department', '所属部门/区域', 'Department / Location'],
    ['description', '问题描述', 'Description'],
    ['urgency', '紧急程度', 'Urgency'],
    ['submitter', '提交人', 'Submitter'],
    ['contact', '联系方式', 'Contact'],
  ];

  it.each(REQUIRED)('missing %s names the field in the sheet language', (field, zh, en) => {
    for (const [lang, form, label] of [
      ['zh', zhForm(), zh],
      ['en', enForm(), en],
    ] as [Lang, Record<string, unknown>, string][]) {
      for (const empty of [undefined, '', '   ']) {
        const input = { ...form };
        if (empty === undefined) delete input[field];
        else input[field] = empty;
        const errors = errorsOf(validateSubmission(input, lang));
        // A choice says 请选择 / choose, a text field 请填写 / fill in (issue 20).
        expect(errors).toEqual([{ field, message: t(lang, field === 'urgency' ? 'requiredChoice' : 'required', { field: label }) }]);
        expect(errors[0].message).toContain(label);
      }
    }
  });

  it('zh message text', () => {
    const { title: _t, ...rest } = zhForm();
    expect(errorsOf(validateSubmission(rest, 'zh'))[0].message).toBe('请填写问题标题。');
    expect(errorsOf(validateSubmission({ ...enForm(), title: '' }, 'en'))[0].message).toBe(
      'Please fill in Title.',
    );
  });

  it('null urgency counts as not given', () => {
    expect(errorsOf(validateSubmission({ ...zhForm(), urgency: null }, 'zh'))).toEqual([
      { field: 'urgency', message: t('zh', 'requiredChoice', { field: '紧急程度' }) },
    ]);
  });

  it('an empty form lists every required field', () => {
    expect(fieldsOf(validateSubmission({}, 'zh')).sort()).toEqual([
      'contact',
      'department',
      'description',
      'submitter',
      'title',
      'urgency',
    ]);
  });
});

describe('length limits', () => {
  it('title: 20 Chinese characters pass, 21 fail with the count', () => {
    const twenty = '一二三四五六七八九十一二三四五六七八九十';
    expect(ok(validateSubmission({ ...zhForm(), title: twenty }, 'zh')).value.title).toBe(twenty);
    const errors = errorsOf(validateSubmission({ ...zhForm(), title: `${twenty}一` }, 'zh'));
    expect(errors).toEqual([{ field: 'title', message: t('zh', 'titleTooLong', { max: 20, n: 21 }) }]);
    expect(errors[0].message).toContain('20');
    expect(errors[0].message).toContain('21');
  });

  it('title: 20 emoji are 20 characters, not 40', () => {
    expect(validateSubmission({ ...zhForm(), title: '😀'.repeat(20) }, 'zh').ok).toBe(true);
    expect(fieldsOf(validateSubmission({ ...zhForm(), title: '😀'.repeat(21) }, 'zh'))).toEqual(['title']);
  });

  it('title in English: 60 Latin characters, the same width as 20 字 (issue 20)', () => {
    // The English help text's own example is 29 characters.
    expect(validateSubmission({ ...enForm(), title: 'CRM database connection error' }, 'en').ok).toBe(true);
    expect(validateSubmission({ ...enForm(), title: 'x'.repeat(60) }, 'en').ok).toBe(true);
    const errors = errorsOf(validateSubmission({ ...enForm(), title: 'x'.repeat(61) }, 'en'));
    expect(errors[0].message).toBe(t('en', 'titleTooLong', { max: 60, n: 61 }));
    expect(errors[0].message).toMatch(/^The title must be at most 60 characters \(now 61/);
    // A Chinese title in an English form: the same space, 20 字 (each counts three).
    expect(validateSubmission({ ...enForm(), title: '一'.repeat(20) }, 'en').ok).toBe(true);
    expect(errorsOf(validateSubmission({ ...enForm(), title: '一'.repeat(21) }, 'en'))[0].message).toBe(
      t('en', 'titleTooLong', { max: 60, n: 63 }),
    );
  });

  it('title in a Chinese form: mixed text counts by width, in 字', () => {
    expect(validateSubmission({ ...zhForm(), title: 'x'.repeat(60) }, 'zh').ok).toBe(true);
    expect(errorsOf(validateSubmission({ ...zhForm(), title: 'x'.repeat(61) }, 'zh'))[0].message).toBe(
      t('zh', 'titleTooLong', { max: 20, n: 21 }),
    );
    // 19 字 and three Latin letters: 60 thirds, just fits.
    expect(validateSubmission({ ...zhForm(), title: `CRM${'系'.repeat(19)}` }, 'zh').ok).toBe(true);
    expect(validateSubmission({ ...zhForm(), title: `CRMx${'系'.repeat(19)}` }, 'zh').ok).toBe(false);
  });

  it('description: 50,000 pass, 50,001 fail', () => {
    expect(validateSubmission({ ...zhForm(), description: '问'.repeat(LIMITS.description) }, 'zh').ok).toBe(
      true,
    );
    const errors = errorsOf(
      validateSubmission({ ...zhForm(), description: '问'.repeat(LIMITS.description + 1) }, 'zh'),
    );
    expect(errors).toEqual([
      { field: 'description', message: t('zh', 'tooLong', { field: '问题描述', max: 50000 }) },
    ]);
  });

  it.each([
    ['department', LIMITS.department],
    ['submitter', LIMITS.submitter],
  ] as [SubmissionField, number][])('%s over %d fails', (field, max) => {
    expect(validateSubmission({ ...zhForm(), [field]: '部'.repeat(max) }, 'zh').ok).toBe(true);
    expect(fieldsOf(validateSubmission({ ...zhForm(), [field]: '部'.repeat(max + 1) }, 'zh'))).toEqual([
      field,
    ]);
  });
});

describe('control characters and line breaks', () => {
  it.each([
    ['title', 'CRM\u0000错误'],
    ['title', '打印机\n无法连接'],
    ['title', '打印机\r无法连接'],
    ['title', '打印机\r\n无法连接'],
    ['title', '打印机\t无法连接'],
    ['department', '销售部\n北京'],
    ['submitter', '小明\u0007'],
    ['contact', '内线\u001b8888'],
    ['description', `${DESC}\u0000`],
    ['description', `${DESC}\u007f`],
  ] as [SubmissionField, string][])('%s %p is refused', (field, value) => {
    const errors = errorsOf(validateSubmission({ ...zhForm(), [field]: value }, 'zh'));
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(errors[0].message).toContain('控制字符');
  });

  it('the description may hold line breaks and tabs', () => {
    const description = `${DESC}\n\t影响:3人\r\n已重启`;
    expect(ok(validateSubmission({ ...zhForm(), description }, 'zh')).value.description).toBe(description);
  });
});

describe('contact', () => {
  it.each([
    '13812345678',
    '+86 138 1234 5678',
    '0086-138-1234-5678',
    '138-1234-5678',
    '手机 13812345678',
    '１３８１２３４５６７８',
  ])('personal mobile %p is refused with the privacy message', (contact) => {
    for (const lang of ['zh', 'en'] as Lang[]) {
      expect(errorsOf(validateSubmission({ ...zhForm(), contact }, lang))).toEqual([
        { field: 'contact', message: t(lang, 'personalMobile') },
      ]);
    }
  });

  it('privacy message text', () => {
    expect(t('zh', 'personalMobile')).toContain('个人手机号');
    expect(t('en', 'personalMobile')).toContain('personal mobile');
  });

  it.each(['找我', 'zhang at example', 'ext', '12', 'zhang@example'])(
    '%p is neither email nor extension',
    (contact) => {
      expect(errorsOf(validateSubmission({ ...zhForm(), contact }, 'zh'))).toEqual([
        { field: 'contact', message: t('zh', 'contactFormat') },
      ]);
    },
  );
});

describe('enums', () => {
  it.each(['超高', 'urgent!', 'P0', '5'])('urgency %p not in list names the values', (urgency) => {
    const zh = errorsOf(validateSubmission({ ...zhForm(), urgency }, 'zh'));
    expect(zh).toEqual([{ field: 'urgency', message: '紧急程度只能是：高 / 中 / 低。' }]);
    const en = errorsOf(validateSubmission({ ...enForm(), urgency }, 'en'));
    expect(en).toEqual([{ field: 'urgency', message: 'Urgency must be one of: High / Medium / Low.' }]);
  });

  it.each([undefined, null, ''])('category %p defaults to other', (category) => {
    const input: Record<string, unknown> = { ...zhForm(), category };
    if (category === undefined) delete input.category;
    expect(ok(validateSubmission(input, 'zh')).value.category).toBe('other');
  });

  it.each(['打印机', 'hardware/software', '硬件;软件'])(
    'invalid category %p is refused, not defaulted',
    (category) => {
      expect(errorsOf(validateSubmission({ ...zhForm(), category }, 'zh'))).toEqual([
        { field: 'category', message: '问题类型只能是：硬件 / 软件 / 网络 / 权限 / 其他。' },
      ]);
    },
  );
});

describe('tampered input', () => {
  it.each([null, undefined, [], [zhForm()], 42, 'title=x', true, () => zhForm()])(
    '%p is a bad request',
    (raw) => {
      expect(errorsOf(validateSubmission(raw, 'zh'))).toEqual([
        { field: null, message: t('zh', 'badRequest') },
      ]);
      expect(errorsOf(validateSubmission(raw, 'en'))[0].message).toBe(t('en', 'badRequest'));
    },
  );

  it.each([
    ['title', 42],
    ['title', { toString: () => 'x' }],
    ['title', ['CRM错误']],
    ['department', true],
    ['description', { text: DESC }],
    ['submitter', ['小明']],
    ['contact', 8888],
  ] as [SubmissionField, unknown][])('non-string %s %p is refused for that field', (field, value) => {
    expect(errorsOf(validateSubmission({ ...zhForm(), [field]: value }, 'zh'))).toEqual([
      { field, message: t('zh', 'badRequest') },
    ]);
  });

  it.each([
    ['urgency', ['高']],
    ['urgency', 1],
    ['urgency', { toString: () => '高' }],
    ['urgency', true],
    ['category', ['硬件']],
    ['category', { toString: () => '硬件' }],
    ['category', 0],
  ] as [SubmissionField, unknown][])('non-string %s %p is not coerced into a value', (field, value) => {
    const r = validateSubmission({ ...zhForm(), [field]: value }, 'zh');
    expect(errorsOf(r)).toEqual([{ field, message: t('zh', 'badRequest') }]);
  });

  it('whitespace-only urgency is missing, whitespace-only category defaults', () => {
    expect(errorsOf(validateSubmission({ ...zhForm(), urgency: ' \u3000 ' }, 'zh'))[0].message).toBe(
      // A choice: 请选择, not 请填写 (issue 20).
      '请选择紧急程度。',
    );
    expect(ok(validateSubmission({ ...zhForm(), category: '  ' }, 'zh')).value.category).toBe('other');
  });

  it('errors from several fields are all reported', () => {
    const r = validateSubmission(
      { ...zhForm(), title: 7, urgency: 'x', category: 'y', contact: '13812345678' },
      'zh',
    );
    expect(fieldsOf(r)).toEqual(['title', 'urgency', 'category', 'contact']);
  });
});

describe('vague descriptions', () => {
  it('warns on `系统不好用` without blocking', () => {
    const r = ok(validateSubmission({ ...zhForm(), description: '系统不好用' }, 'zh'));
    expect(r.value.description).toBe('系统不好用');
    expect(r.warnings).toEqual([{ field: 'description', message: t('zh', 'vagueDescription') }]);
    const en = ok(validateSubmission({ ...enForm(), description: "It doesn't work." }, 'en'));
    expect(en.warnings).toEqual([{ field: 'description', message: t('en', 'vagueDescription') }]);
  });

  it.each([
    '系统不好用',
    '电脑坏了',
    '网络很慢!',
    '不能用',
    "doesn't work",
    'Not working.',
    'help',
    '打印机坏了。',
    '有问题',
  ])('%p is vague', (s) => {
    expect(isVagueDescription(s)).toBe(true);
  });

  it.each([
    DESC,
    '打印机无法连接,提示 0x0000011b,已重启两次',
    'VPN drops every 10 minutes since Monday; reinstalled the client',
  ])('%p is not vague', (s) => {
    expect(isVagueDescription(s)).toBe(false);
  });
});
