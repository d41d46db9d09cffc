import { draftProblems, emptyDraft, isBlank, parseDraft, toNewVisit } from './visit-draft';

const customer = { id: 'c-1', displayName: '王芳', phone: null };

describe('visit drafts', () => {
  it('should make a fresh clientId for every new draft and keep an admin store', () => {
    const a = emptyDraft('store-sh');
    const b = emptyDraft();
    expect(a.clientId).not.toBe(b.clientId);
    expect(a.storeId).toBe('store-sh');
    expect(isBlank(a)).toBe(true);
  });

  it('should need a reason (a chip or words), an outcome, and a note when someone should follow up', () => {
    const draft = { ...emptyDraft(), customer };
    expect(draftProblems(draft)).toEqual(['reason', 'outcome']);
    expect(draftProblems({ ...draft, reasonText: '屏幕闪烁', outcome: 'follow_up' })).toEqual(['followUpNote']);
    expect(draftProblems({ ...draft, reasons: ['repair'], outcome: 'follow_up', followUpNote: '周五前回电' })).toEqual([]);
  });

  it('should send trimmed texts, and the follow-up note only with a follow-up outcome', () => {
    const draft = {
      ...emptyDraft(),
      customer,
      reasons: ['repair' as const],
      reasonText: '  ',
      actions: ' 换了电池 ',
      outcome: 'solved' as const,
      followUpNote: '不该发出',
    };
    expect(toNewVisit(draft)).toEqual({
      clientId: draft.clientId,
      customerId: 'c-1',
      reasons: ['repair'],
      actions: '换了电池',
      outcome: 'solved',
      imageIds: [],
    });
  });

  it('should read back a stored draft and refuse anything that is not one', () => {
    const draft = { ...emptyDraft(), customer, reasons: ['repair' as const], outcome: 'repair' as const };
    expect(parseDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    expect(parseDraft({ clientId: 'x' })).toBeNull();
    expect(parseDraft('nonsense')).toBeNull();
    expect(parseDraft({ ...draft, reasons: ['repair', 'teleport'], outcome: 'vanished' })).toMatchObject({ reasons: ['repair'], outcome: null });
  });
});
