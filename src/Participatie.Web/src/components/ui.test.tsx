import { render, screen, cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FormField, Textbox } from "./ui";

afterEach(cleanup);

describe("FormField", () => {
  it("ties the label, the description and the error to the input", () => {
    render(
      <FormField label="Notitie" description="Ten hoogste 1000 tekens." error="is too long">
        {({ id, describedBy, invalid }) => <Textbox id={id} aria-describedby={describedBy} invalid={invalid} />}
      </FormField>,
    );
    const input = screen.getByLabelText("Notitie");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(["Ten hoogste 1000 tekens.", "is too long"]);
  });

  it("marks nothing invalid without an error", () => {
    render(
      <FormField label="Naam">
        {({ id, describedBy, invalid }) => <Textbox id={id} aria-describedby={describedBy} invalid={invalid} />}
      </FormField>,
    );
    const input = screen.getByLabelText("Naam");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(input.hasAttribute("aria-describedby")).toBe(false);
  });
});
