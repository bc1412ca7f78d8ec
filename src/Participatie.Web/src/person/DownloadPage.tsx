import { useMutation } from "@tanstack/react-query";
import { useApi, useSignedIn } from "../auth/SessionContext";
import { useFocusOnNavigate, usePageTitle } from "../components/Layout";
import { ProblemAlert } from "../components/QueryState";
import { Alert, Button, Heading, Paragraph } from "../components/ui";
import { nl } from "../i18n/nl";
import { exportFileName } from "./download";

const texts = nl.myParticipation.download;

/** Alles downloaden: everything held about me (ExportPersonData), saved as a JSON file. */
export function DownloadPage() {
  const { subject: clientId } = useSignedIn();
  const api = useApi();
  const heading = useFocusOnNavigate<HTMLHeadingElement>();
  usePageTitle(texts.title);
  const download = useMutation({
    mutationFn: async () => {
      const result = await api.clients.exportPersonData({ clientId });
      const file = exportFileName(result.generatedAt);
      const url = URL.createObjectURL(new Blob([result.json], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return file;
    },
  });
  return (
    <>
      <Heading level={1} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      <Paragraph lead>{texts.intro}</Paragraph>
      {download.isPending ? (
        <p className="utrecht-paragraph" role="status">
          {texts.preparing}
        </p>
      ) : null}
      {download.isSuccess ? (
        <Alert type="ok" role="status">
          {texts.ready(download.data)}
        </Alert>
      ) : null}
      {download.isError ? <ProblemAlert error={download.error} about="action" onRetry={() => download.mutate()} /> : null}
      <Button appearance="primary" onClick={() => download.mutate()} busy={download.isPending} disabled={download.isPending}>
        {download.isSuccess ? texts.again : texts.button}
      </Button>
    </>
  );
}
