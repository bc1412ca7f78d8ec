import type { ReactNode } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "../components/Layout";
import "./admin.css";
import { nl } from "../i18n/nl";
import { AuditPage } from "./AuditPage";
import { CoachesPage } from "./CoachesPage";
import { KeysPage } from "./KeysPage";
import { PaymentsPage } from "./PaymentsPage";
import { SetupPage } from "./SetupPage";
import { StatusPage } from "./StatusPage";

/** The admin's workspace: status, payment runs, the audit log, partner keys, the coaches and their caseloads (handed over when one leaves), and setting up neighbourhoods and coaches. */
export function AdminWorkspace({ notFound }: { notFound: ReactNode }) {
  return (
    <Layout
      nav={[
        { to: "/", label: nl.admin.nav.status },
        { to: "/betaalruns", label: nl.admin.nav.payments },
        { to: "/auditlog", label: nl.admin.nav.audit },
        { to: "/partnersleutels", label: nl.admin.nav.keys },
        { to: "/klantmanagers", label: nl.admin.nav.coaches },
        { to: "/inrichting", label: nl.admin.nav.setup },
      ]}
    >
      <Routes>
        <Route index element={<StatusPage />} />
        <Route path="betaalruns" element={<PaymentsPage />} />
        <Route path="auditlog" element={<AuditPage />} />
        <Route path="partnersleutels" element={<KeysPage />} />
        <Route path="klantmanagers" element={<CoachesPage />} />
        <Route path="inrichting" element={<SetupPage />} />
        <Route path="*" element={notFound} />
      </Routes>
    </Layout>
  );
}
