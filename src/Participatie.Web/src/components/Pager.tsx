import { nextPage, previousPage, type Pages } from "../lib/paging";
import { Button, ButtonGroup } from "./ui";

/** Previous and next page of a list, in a labelled navigation; absent while the list fits on one page. */
export function Pager({
  pages,
  nextPageToken,
  onChange,
  label,
  previous,
  next,
}: {
  pages: Pages;
  nextPageToken: string;
  onChange: (pages: Pages) => void;
  label: string;
  previous: string;
  next: string;
}) {
  if (pages.index === 0 && !nextPageToken) {
    return null;
  }
  return (
    <nav aria-label={label}>
      <ButtonGroup>
        <Button disabled={pages.index === 0} onClick={() => onChange(previousPage(pages))}>
          {previous}
        </Button>
        <Button disabled={!nextPageToken} onClick={() => onChange(nextPage(pages, nextPageToken))}>
          {next}
        </Button>
      </ButtonGroup>
    </nav>
  );
}
