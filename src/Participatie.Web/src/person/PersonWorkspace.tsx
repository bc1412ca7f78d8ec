import type { ReactNode } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "../components/Layout";
import { nl } from "../i18n/nl";
import { AccessLogPage } from "./AccessLogPage";
import { ActivitiesPage } from "./ActivitiesPage";
import { BenefitPage } from "./BenefitPage";
import { ContractPage } from "./ContractPage";
import { DownloadPage } from "./DownloadPage";
import { HoursPage } from "./HoursPage";

const texts = nl.myParticipation.nav;

/** Mijn Participatie: the person's own workspace, one screen per task, made for a phone first. */
export function PersonWorkspace({ notFound }: { notFound: ReactNode }) {
  return (
    <Layout
      nav={[
        { to: "/", label: texts.contract },
        { to: "/activiteiten", label: texts.activities },
        { to: "/uren", label: texts.hours },
        { to: "/uitkering", label: texts.benefit },
        { to: "/inzage", label: texts.accessLog },
        { to: "/downloaden", label: texts.download },
      ]}
    >
      <Routes>
        <Route index element={<ContractPage />} />
        <Route path="activiteiten" element={<ActivitiesPage />} />
        <Route path="uren" element={<HoursPage />} />
        <Route path="uitkering" element={<BenefitPage />} />
        <Route path="inzage" element={<AccessLogPage />} />
        <Route path="downloaden" element={<DownloadPage />} />
        <Route path="*" element={notFound} />
      </Routes>
    </Layout>
  );
}
