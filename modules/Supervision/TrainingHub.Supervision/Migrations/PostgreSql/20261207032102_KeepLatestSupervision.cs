using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Supervision.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class KeepLatestSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LatestSupervisions",
                schema: "supervision",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LatestSupervisions", x => x.PersonId);
                });

            // Each supervisee's latest supervision so far, as saving keeps it from now on (SupervisionDue.Held).
            migrationBuilder.Sql(
                """
                INSERT INTO "supervision"."LatestSupervisions" ("PersonId", "StartsAt")
                SELECT l."PersonId", MAX(s."StartsAt") FROM "supervision"."Logs" l JOIN "supervision"."Sessions" s ON s."Id" = l."SessionId"
                WHERE l."LeaderSignedAt" IS NOT NULL AND l."PersonSignedAt" IS NOT NULL
                  AND s."Status" = 'Scheduled' AND s."Kind" IN ('Individual', 'Group')
                GROUP BY l."PersonId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LatestSupervisions",
                schema: "supervision");
        }
    }
}
