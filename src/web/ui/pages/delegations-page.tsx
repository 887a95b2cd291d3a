import { type FormEvent, type ReactNode, useState } from 'react';
import { getJson, postJson } from '../api.ts';
import { ProblemList } from '../components/advocacy-kit.tsx';
import { usePageTitle } from '../components/layout.tsx';
import { Show } from '../components/show.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useData } from '../use-data.ts';

type Meeting = { seq: number; state: string; date: string; place?: string; has_notes: boolean };
type Ask = {
  state: string;
  recommendation: string;
  status: string;
  meeting?: number;
  follow_up?: string;
  has_note: boolean;
};
type Ours = { id: string; text: string; themes: string[] };
type Tracker = { meetings: Meeting[]; asks: Ask[]; ours: Ours[] };

const STATUSES = ['asked', 'agreed', 'declined', 'made'] as const;

/**
 * The delegation tracker: our recommendations, the meetings with states' delegations and what we
 * asked each state to recommend, with where each ask stands and when to follow it up. Notes are
 * sealed when stored and not shown here.
 */
export function DelegationsPage() {
  const { t } = useI18n();
  usePageTitle(t('nav.delegations'));
  const [state, setState] = useState('');
  const [shown, setShown] = useState('');
  const [tracker, reload] = useData(
    () => getJson<Tracker>('/api/advocacy/delegations', { state: shown || undefined }),
    [shown],
  );
  const [states] = useData(() => getJson<{ states: { name: string }[] }>('/api/upr/states'), []);

  return (
    <>
      <h1>{t('nav.delegations')}</h1>
      <p className="note">{t('delegations.help')}</p>
      <datalist id="delegation-states">
        {states.state === 'done' && states.value.states.map((s) => <option key={s.name} value={s.name} />)}
      </datalist>
      <form
        className="controls"
        onSubmit={(event) => {
          event.preventDefault();
          setShown(state.trim());
        }}
      >
        <div>
          <label htmlFor="delegation-filter">{t('delegations.state')}</label>
          <input
            id="delegation-filter"
            list="delegation-states"
            autoComplete="off"
            value={state}
            onChange={(e) => setState(e.target.value)}
          />
        </div>
        <button type="submit">{t('delegations.show')}</button>
      </form>
      <Show loaded={tracker}>
        {(data) => (
          <>
            <OursTable ours={data.ours} />
            <MeetingsTable meetings={data.meetings} />
            <AsksTable asks={data.asks} ours={data.ours} />
            <AddOurs onDone={reload} />
            <AddMeeting onDone={reload} />
            <AddAsk onDone={reload} tracker={data} />
          </>
        )}
      </Show>
    </>
  );
}

function OursTable({ ours }: { ours: Ours[] }) {
  const { t } = useI18n();
  return (
    <table id="ours">
      <caption>{t('delegations.ours')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('column.id')}</th>
          <th scope="col">{t('delegations.text')}</th>
          <th scope="col">{t('delegations.themes')}</th>
        </tr>
      </thead>
      <tbody>
        {ours.length === 0 && (
          <tr>
            <td colSpan={3}>{t('table.none')}</td>
          </tr>
        )}
        {ours.map((o) => (
          <tr key={o.id}>
            <td className="code">{o.id}</td>
            <td>{o.text}</td>
            <td lang="en">{o.themes.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MeetingsTable({ meetings }: { meetings: Meeting[] }) {
  const { t } = useI18n();
  return (
    <table id="meetings">
      <caption>{t('delegations.meetings')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('delegations.number')}</th>
          <th scope="col">{t('delegations.date')}</th>
          <th scope="col">{t('delegations.state')}</th>
          <th scope="col">{t('delegations.place')}</th>
          <th scope="col">{t('delegations.notes')}</th>
        </tr>
      </thead>
      <tbody>
        {meetings.length === 0 && (
          <tr>
            <td colSpan={5}>{t('table.none')}</td>
          </tr>
        )}
        {meetings.map((m) => (
          <tr key={m.seq}>
            <td className="n">{m.seq}</td>
            <td>{m.date}</td>
            <td lang="en">{m.state}</td>
            <td>{m.place ?? ''}</td>
            <td>{m.has_notes ? t('delegations.sealed') : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AsksTable({ asks, ours }: { asks: Ask[]; ours: Ours[] }) {
  const { t } = useI18n();
  const textOf = new Map(ours.map((o) => [o.id, o.text]));
  return (
    <table id="asks">
      <caption>{t('delegations.asks')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('delegations.state')}</th>
          <th scope="col">{t('delegations.recommendation')}</th>
          <th scope="col">{t('delegations.status')}</th>
          <th scope="col">{t('delegations.meeting')}</th>
          <th scope="col">{t('delegations.followUp')}</th>
        </tr>
      </thead>
      <tbody>
        {asks.length === 0 && (
          <tr>
            <td colSpan={5}>{t('table.none')}</td>
          </tr>
        )}
        {asks.map((a) => (
          <tr key={`${a.state}:${a.recommendation}`}>
            <td lang="en">{a.state}</td>
            <td>
              <span className="code">{a.recommendation}</span> {textOf.get(a.recommendation) ?? ''}
            </td>
            <td>{t(`delegations.status.${a.status as (typeof STATUSES)[number]}`)}</td>
            <td>{a.meeting ?? ''}</td>
            <td>{a.follow_up ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A form that posts its fields, shows the server's problems by field, and reloads when done. */
function PostForm({
  id,
  title,
  path,
  body,
  onDone,
  children,
}: {
  id: string;
  title: string;
  path: string;
  body: () => unknown;
  onDone: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await postJson(path, body());
      setSaved(true);
      onDone();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form id={id} onSubmit={submit}>
      <fieldset>
        <legend>{title}</legend>
        {children}
        <button type="submit">{t('delegations.save')}</button>
        <ProblemList error={error} />
        {saved && (
          <p role="status" className="done">
            {t('delegations.saved')}
          </p>
        )}
      </fieldset>
    </form>
  );
}

function Field({
  id,
  label,
  value,
  onChange,
  type = 'text',
  list,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  list?: string;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        list={list}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}

function AddOurs({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [id, setId] = useState('');
  const [text, setText] = useState('');
  return (
    <PostForm
      id="add-ours"
      title={t('delegations.addOurs')}
      path="/api/advocacy/recommendations"
      body={() => ({ id: id.trim(), text: text.trim() })}
      onDone={onDone}
    >
      <Field id="ours-id" label={t('column.id')} value={id} onChange={setId} />
      <label htmlFor="ours-text">{t('delegations.text')}</label>
      <textarea id="ours-text" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
    </PostForm>
  );
}

function AddMeeting({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState('');
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const [notes, setNotes] = useState('');
  return (
    <PostForm
      id="add-meeting"
      title={t('delegations.addMeeting')}
      path="/api/advocacy/meetings"
      body={() => ({
        state: state.trim(),
        date,
        ...(place.trim() ? { place: place.trim() } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      })}
      onDone={onDone}
    >
      <Field
        id="meeting-state"
        label={t('delegations.state')}
        value={state}
        onChange={setState}
        list="delegation-states"
      />
      <Field id="meeting-date" label={t('delegations.date')} value={date} onChange={setDate} type="date" />
      <Field id="meeting-place" label={t('delegations.place')} value={place} onChange={setPlace} />
      <label htmlFor="meeting-notes">{t('delegations.notesSealed')}</label>
      <textarea id="meeting-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
    </PostForm>
  );
}

function AddAsk({ onDone, tracker }: { onDone: () => void; tracker: Tracker }) {
  const { t } = useI18n();
  const [state, setState] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const [status, setStatus] = useState<string>('asked');
  const [meeting, setMeeting] = useState('');
  const [followUp, setFollowUp] = useState('');
  const meetings = tracker.meetings.filter((m) => m.state === state.trim());
  return (
    <PostForm
      id="add-ask"
      title={t('delegations.addAsk')}
      path="/api/advocacy/asks"
      body={() => ({
        state: state.trim(),
        recommendation,
        status,
        ...(meeting ? { meeting: Number(meeting) } : {}),
        ...(followUp ? { follow_up: followUp } : {}),
      })}
      onDone={onDone}
    >
      <Field
        id="ask-state"
        label={t('delegations.state')}
        value={state}
        onChange={setState}
        list="delegation-states"
      />
      <label htmlFor="ask-recommendation">{t('delegations.recommendation')}</label>
      <select
        id="ask-recommendation"
        value={recommendation}
        onChange={(e) => setRecommendation(e.target.value)}
      >
        <option value="">{t('delegations.choose')}</option>
        {tracker.ours.map((o) => (
          <option key={o.id} value={o.id}>
            {o.id}: {o.text.slice(0, 80)}
          </option>
        ))}
      </select>
      <label htmlFor="ask-status">{t('delegations.status')}</label>
      <select id="ask-status" value={status} onChange={(e) => setStatus(e.target.value)}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`delegations.status.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor="ask-meeting">{t('delegations.meeting')}</label>
      <select id="ask-meeting" value={meeting} onChange={(e) => setMeeting(e.target.value)}>
        <option value="">{t('delegations.noMeeting')}</option>
        {meetings.map((m) => (
          <option key={m.seq} value={m.seq}>
            {m.seq} · {m.date}
          </option>
        ))}
      </select>
      <Field
        id="ask-follow-up"
        label={t('delegations.followUp')}
        value={followUp}
        onChange={setFollowUp}
        type="date"
      />
    </PostForm>
  );
}
