import { useState, type FormEvent, type ReactNode } from "react";
import { nl } from "../i18n/nl";
import { useFocusOnNavigate, usePageTitle } from "./Layout";
import { Button, Fieldset, Heading, Paragraph, RadioOption } from "./ui";

/**
 * Before staff open a person, they say why (x-purpose): one of the purposes their role may declare, each with what it
 * covers. The choice is required; the person can later read it back in their access log.
 */
export function PurposeChoice<P extends string>({
  purposes,
  isPurpose,
  title,
  intro,
  submitLabel,
  back,
  onChoose,
}: {
  purposes: readonly P[];
  isPurpose: (value: string) => value is P;
  title: string;
  intro: string;
  submitLabel: string;
  back: ReactNode;
  onChoose: (purpose: P) => void;
}) {
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(title);
  const [chosen, setChosen] = useState<string>("");
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (isPurpose(chosen)) {
      onChoose(chosen);
    } else {
      setError(nl.purposes.required);
    }
  }
  return (
    <>
      {back}
      <Heading level={1} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <Paragraph lead>{intro}</Paragraph>
      <form onSubmit={submit} noValidate className="participatie-form">
        <Fieldset legend={nl.purposes.legend} error={error}>
          {purposes.map((purpose) => (
            <RadioOption
              key={purpose}
              name="doel"
              value={purpose}
              checked={chosen === purpose}
              onChange={(value) => {
                setChosen(value);
                setError(undefined);
              }}
              label={nl.purposes.names[purpose]}
              description={nl.purposes.descriptions[purpose]}
            />
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary">
          {submitLabel}
        </Button>
      </form>
    </>
  );
}

/** The purpose a person's page was opened for, shown on the page, with a way to choose another. */
export function PurposeNote({ purpose, onChange }: { purpose: string; onChange: () => void }) {
  return (
    <div className="participatie-purpose" role="note" aria-label={nl.purposes.current}>
      <span>
        {nl.purposes.current}: <strong data-testid="purpose">{nl.purposes.names[purpose]}</strong>
      </span>{" "}
      <Button appearance="subtle" onClick={onChange}>
        {nl.purposes.change}
      </Button>
    </div>
  );
}
