import { useSignedIn } from "../auth/SessionContext";
import { StatementSection } from "../components/StatementSection";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { Heading, Paragraph } from "../components/ui";
import { nl } from "../i18n/nl";

const texts = nl.myParticipation.benefit;

/** Mijn uitkering: the month's statement line by line, each amount with its rule and the date that rule holds from. */
export function BenefitPage() {
  const { subject: clientId } = useSignedIn();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      <StatementSection clientId={clientId} />
    </>
  );
}
