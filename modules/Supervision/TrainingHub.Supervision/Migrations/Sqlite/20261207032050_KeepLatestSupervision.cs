using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Supervision.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class KeepLatestSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LatestSupervisions",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LatestSupervisions", x => x.PersonId);
                });

            // Each supervisee's latest supervision so far, as saving keeps it from now on (SupervisionDue.Held).
            migrationBuilder.Sql(
                """
                INSERT INTO "LatestSupervisions" ("PersonId", "StartsAt")
                SELECT l."PersonId", MAX(s."StartsAt") FROM "Logs" l JOIN "Sessions" s ON s."Id" = l."SessionId"
                WHERE l."LeaderSignedAt" IS NOT NULL AND l."PersonSignedAt" IS NOT NULL
                  AND s."Status" = 'Scheduled' AND s."Kind" IN ('Individual', 'Group')
                GROUP BY l."PersonId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LatestSupervisions");
        }
    }
}
