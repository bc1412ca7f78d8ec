// Paging through a list RPC (page_token / next_page_token), forwards and back: the tokens of the pages seen so far.

export type Pages = {
  /** The page token of each page reached so far; the first page's is "". */
  tokens: string[];
  /** Index of the page shown. */
  index: number;
};

export const firstPage: Pages = { tokens: [""], index: 0 };

export function currentToken(pages: Pages): string {
  return pages.tokens[pages.index] ?? "";
}

/** Moves to the next page, given the next_page_token of the page shown; stays when there is none. */
export function nextPage(pages: Pages, nextPageToken: string): Pages {
  if (!nextPageToken) {
    return pages;
  }
  const tokens = pages.tokens.slice(0, pages.index + 1);
  tokens.push(nextPageToken);
  return { tokens, index: pages.index + 1 };
}

export function previousPage(pages: Pages): Pages {
  return pages.index === 0 ? pages : { tokens: pages.tokens, index: pages.index - 1 };
}
