// The channel and action pickers every touch and template step form shares.
import { ACTION_LABELS, CHANNEL_LABELS } from '../../../shared/domain/lint';
import { ACTIONS, CHANNELS, type Action, type Channel } from '../../../shared/schema';

export function ChannelField({ value, onChange }: { value: Channel; onChange: (channel: Channel) => void }) {
  return (
    <label>
      Channel
      <select value={value} onChange={(e) => onChange(e.target.value as Channel)}>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ActionField({ value, onChange }: { value: Action; onChange: (action: Action) => void }) {
  return (
    <label>
      Action
      <select value={value} onChange={(e) => onChange(e.target.value as Action)}>
        {ACTIONS.map((a) => (
          <option key={a} value={a}>
            {ACTION_LABELS[a]}
          </option>
        ))}
      </select>
    </label>
  );
}
