// An editable list of short texts (discovery questions, objections, commitments carried over).
import { useRef } from 'react';

export function ListEditor({
  label,
  itemLabel,
  items,
  onChange,
  addLabel,
  placeholder,
}: {
  label: string;
  itemLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
  addLabel: string;
  placeholder?: string;
}) {
  const list = useRef<HTMLOListElement>(null);
  const add = () => {
    onChange([...items, '']);
    // Focus the new item once it is rendered.
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  return (
    <fieldset className="plan-list-editor">
      <legend>{label}</legend>
      {items.length > 0 && (
        <ol ref={list}>
          {items.map((item, index) => (
            <li key={index}>
              <input
                aria-label={`${itemLabel} ${index + 1}`}
                value={item}
                placeholder={placeholder}
                onChange={(e) => onChange(items.map((it, i) => (i === index ? e.target.value : it)))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    add();
                  }
                }}
              />
              <button
                type="button"
                className="ghost"
                aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
                onClick={() => onChange(items.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="secondary plan-small" onClick={add}>
        {addLabel}
      </button>
    </fieldset>
  );
}
