using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactKit.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contactkit_artefacts",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    retained_item = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    interaction = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    stored_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recording = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    location = table.Column<string>(type: "TEXT", nullable: true),
                    sha256 = table.Column<string>(type: "TEXT", nullable: true),
                    disposed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    disposed_because = table.Column<int>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_artefacts", x => new { x.tenant, x.retained_item });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_audit_entries",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    resource_kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    contract_version = table.Column<int>(type: "INTEGER", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_audit_entries", x => new { x.tenant, x.sequence });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_consent_coverage",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_consent_coverage", x => new { x.tenant, x.subject, x.purpose, x.category, x.sequence });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_consent_records",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    contract_version = table.Column<int>(type: "INTEGER", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_consent_records", x => new { x.tenant, x.sequence });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_deletion_requests",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    recording = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    interaction = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    is_open = table.Column<bool>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    due_by = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", nullable: true),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_deletion_requests", x => new { x.tenant, x.id });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_interaction_subjects",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    interaction = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_interaction_subjects", x => new { x.tenant, x.subject, x.interaction });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_interactions",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    @case = table.Column<string>(name: "case", type: "TEXT", maxLength: 128, nullable: true),
                    recordings = table.Column<string>(type: "TEXT", nullable: false),
                    subjects = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_interactions", x => new { x.tenant, x.id });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_legal_holds",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    target_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    target_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    placed_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    placed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    released_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    released_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_legal_holds", x => new { x.tenant, x.id });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_marketing_events",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    contract_version = table.Column<int>(type: "INTEGER", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_marketing_events", x => new { x.tenant, x.subject, x.position });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_recording_events",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    recording = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    contract_version = table.Column<int>(type: "INTEGER", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_recording_events", x => new { x.tenant, x.recording, x.version });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_recording_sessions",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    recording = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    last_changed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    secure_pause_since = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_recording_sessions", x => new { x.tenant, x.recording });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_retained_items",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    record_class = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    resource_kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    interaction = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    case_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    class_changed_from = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    class_changed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    class_change_reason = table.Column<string>(type: "TEXT", nullable: true),
                    triggers = table.Column<string>(type: "TEXT", nullable: false),
                    dispose_at = table.Column<long>(type: "INTEGER", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    rule_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    hold_count = table.Column<int>(type: "INTEGER", nullable: false),
                    is_disposed = table.Column<bool>(type: "INTEGER", nullable: false),
                    disposed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    disposed_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    claim_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    destruction_started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_retained_items", x => new { x.tenant, x.id });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_rights_requests",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    is_open = table.Column<bool>(type: "INTEGER", nullable: false),
                    due_on = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    contract_version = table.Column<int>(type: "INTEGER", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_rights_requests", x => new { x.tenant, x.id });
                });

            migrationBuilder.CreateTable(
                name: "contactkit_telephone_screenings",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    list = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    number = table.Column<long>(type: "INTEGER", nullable: false),
                    registers = table.Column<int>(type: "INTEGER", nullable: false),
                    screened_on = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contactkit_telephone_screenings", x => new { x.tenant, x.list, x.number });
                });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_artefacts_tenant_interaction_name",
                table: "contactkit_artefacts",
                columns: new[] { "tenant", "interaction", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_artefacts_tenant_interaction_position",
                table: "contactkit_artefacts",
                columns: new[] { "tenant", "interaction", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_audit_entries_tenant_resource_kind_resource_id_sequence",
                table: "contactkit_audit_entries",
                columns: new[] { "tenant", "resource_kind", "resource_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_audit_entries_tenant_subject_sequence",
                table: "contactkit_audit_entries",
                columns: new[] { "tenant", "subject", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_consent_records_tenant_id",
                table: "contactkit_consent_records",
                columns: new[] { "tenant", "id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_consent_records_tenant_subject_sequence",
                table: "contactkit_consent_records",
                columns: new[] { "tenant", "subject", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_deletion_requests_tenant_is_open_position",
                table: "contactkit_deletion_requests",
                columns: new[] { "tenant", "is_open", "position" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_deletion_requests_tenant_position",
                table: "contactkit_deletion_requests",
                columns: new[] { "tenant", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_legal_holds_tenant_position",
                table: "contactkit_legal_holds",
                columns: new[] { "tenant", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_legal_holds_tenant_target_scope_target_id_is_active",
                table: "contactkit_legal_holds",
                columns: new[] { "tenant", "target_scope", "target_id", "is_active" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_recording_events_tenant_recording_event_id",
                table: "contactkit_recording_events",
                columns: new[] { "tenant", "recording", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_recording_sessions_tenant_secure_pause_since",
                table: "contactkit_recording_sessions",
                columns: new[] { "tenant", "secure_pause_since" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_retained_items_tenant_case_id",
                table: "contactkit_retained_items",
                columns: new[] { "tenant", "case_id" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_retained_items_tenant_interaction",
                table: "contactkit_retained_items",
                columns: new[] { "tenant", "interaction" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_retained_items_tenant_is_disposed_hold_count_dispose_at_id",
                table: "contactkit_retained_items",
                columns: new[] { "tenant", "is_disposed", "hold_count", "dispose_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_retained_items_tenant_subject",
                table: "contactkit_retained_items",
                columns: new[] { "tenant", "subject" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_rights_requests_tenant_is_open_due_on",
                table: "contactkit_rights_requests",
                columns: new[] { "tenant", "is_open", "due_on" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_rights_requests_tenant_position",
                table: "contactkit_rights_requests",
                columns: new[] { "tenant", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_rights_requests_tenant_subject_position",
                table: "contactkit_rights_requests",
                columns: new[] { "tenant", "subject", "position" });

            migrationBuilder.CreateIndex(
                name: "IX_contactkit_telephone_screenings_tenant_list_screened_on",
                table: "contactkit_telephone_screenings",
                columns: new[] { "tenant", "list", "screened_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contactkit_artefacts");

            migrationBuilder.DropTable(
                name: "contactkit_audit_entries");

            migrationBuilder.DropTable(
                name: "contactkit_consent_coverage");

            migrationBuilder.DropTable(
                name: "contactkit_consent_records");

            migrationBuilder.DropTable(
                name: "contactkit_deletion_requests");

            migrationBuilder.DropTable(
                name: "contactkit_interaction_subjects");

            migrationBuilder.DropTable(
                name: "contactkit_interactions");

            migrationBuilder.DropTable(
                name: "contactkit_legal_holds");

            migrationBuilder.DropTable(
                name: "contactkit_marketing_events");

            migrationBuilder.DropTable(
                name: "contactkit_recording_events");

            migrationBuilder.DropTable(
                name: "contactkit_recording_sessions");

            migrationBuilder.DropTable(
                name: "contactkit_retained_items");

            migrationBuilder.DropTable(
                name: "contactkit_rights_requests");

            migrationBuilder.DropTable(
                name: "contactkit_telephone_screenings");
        }
    }
}
