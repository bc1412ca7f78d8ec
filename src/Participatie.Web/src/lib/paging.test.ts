import { describe, expect, it } from "vitest";
import { currentToken, firstPage, nextPage, previousPage } from "./paging";

describe("paging", () => {
  it("starts on the first page with an empty token", () => {
    expect(currentToken(firstPage)).toBe("");
  });
  it("goes forward with the next page token and back to the page before", () => {
    const second = nextPage(firstPage, "t2");
    const third = nextPage(second, "t3");
    expect(currentToken(third)).toBe("t3");
    expect(currentToken(previousPage(third))).toBe("t2");
    expect(currentToken(previousPage(previousPage(third)))).toBe("");
  });
  it("stays on the last page when there is no next token", () => {
    const second = nextPage(firstPage, "t2");
    expect(nextPage(second, "")).toBe(second);
  });
  it("forgets pages ahead when going forward from an earlier page", () => {
    const third = nextPage(nextPage(firstPage, "t2"), "t3");
    const back = previousPage(third);
    const forward = nextPage(back, "t3b");
    expect(forward.tokens).toEqual(["", "t2", "t3b"]);
  });
  it("does not go before the first page", () => {
    expect(previousPage(firstPage)).toBe(firstPage);
  });
});
