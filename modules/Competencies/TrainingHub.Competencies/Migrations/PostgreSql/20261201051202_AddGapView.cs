using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Competencies.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddGapView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountedLevels",
                schema: "competencies",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    LevelRank = table.Column<int>(type: "integer", nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedLevels", x => new { x.PersonId, x.LineageId });
                });

            migrationBuilder.CreateTable(
                name: "Members",
                schema: "competencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HomeUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    OblastId = table.Column<Guid>(type: "uuid", nullable: true),
                    HromadaId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    PositionTypeId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Members_HromadaId_IsActive_PositionTypeId",
                schema: "competencies",
                table: "Members",
                columns: new[] { "HromadaId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OblastId_IsActive_PositionTypeId",
                schema: "competencies",
                table: "Members",
                columns: new[] { "OblastId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrganisationId_IsActive_PositionTypeId",
                schema: "competencies",
                table: "Members",
                columns: new[] { "OrganisationId", "IsActive", "PositionTypeId" });

            // Ratings made before this table existed: each person's latest assessor rating per lineage counts.
            migrationBuilder.Sql("""
                INSERT INTO "competencies"."CountedLevels" ("PersonId", "LineageId", "LevelRank", "RatedAt")
                SELECT "PersonId", "LineageId", "LevelRank", "RatedAt" FROM (
                    SELECT "PersonId", "LineageId", "LevelRank", "RatedAt",
                           ROW_NUMBER() OVER (PARTITION BY "PersonId", "LineageId" ORDER BY "RatedAt" DESC, "Id" DESC) AS "Position"
                    FROM "competencies"."Ratings" WHERE "Kind" = 'Assessor') AS "Latest"
                WHERE "Position" = 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountedLevels",
                schema: "competencies");

            migrationBuilder.DropTable(
                name: "Members",
                schema: "competencies");
        }
    }
}
