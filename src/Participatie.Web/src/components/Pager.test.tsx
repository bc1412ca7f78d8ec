import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { firstPage, nextPage, type Pages } from "../lib/paging";
import { Pager } from "./Pager";

afterEach(cleanup);

const labels = { label: "Pagina's", previous: "Vorige", next: "Volgende" };

describe("Pager", () => {
  it("is absent while the list fits on one page", () => {
    const { container } = render(<Pager pages={firstPage} nextPageToken="" onChange={() => {}} {...labels} />);
    expect(container.innerHTML).toBe("");
  });

  it("offers the next page from the first, not the previous one", () => {
    const onChange = vi.fn<(pages: Pages) => void>();
    render(<Pager pages={firstPage} nextPageToken="p2" onChange={onChange} {...labels} />);
    expect(screen.getByRole("navigation", { name: "Pagina's" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "Vorige" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Volgende" }));
    expect(onChange).toHaveBeenCalledWith({ tokens: ["", "p2"], index: 1 });
  });

  it("goes back from the last page and offers no next one there", () => {
    const onChange = vi.fn<(pages: Pages) => void>();
    render(<Pager pages={nextPage(firstPage, "p2")} nextPageToken="" onChange={onChange} {...labels} />);
    expect((screen.getByRole("button", { name: "Volgende" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Vorige" }));
    expect(onChange).toHaveBeenCalledWith({ tokens: ["", "p2"], index: 0 });
  });
});
