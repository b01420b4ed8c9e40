using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Competencies.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddGapView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountedLevels",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LevelRank = table.Column<int>(type: "INTEGER", nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedLevels", x => new { x.PersonId, x.LineageId });
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HomeUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OblastId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HromadaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PositionTypeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Members_HromadaId_IsActive_PositionTypeId",
                table: "Members",
                columns: new[] { "HromadaId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OblastId_IsActive_PositionTypeId",
                table: "Members",
                columns: new[] { "OblastId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrganisationId_IsActive_PositionTypeId",
                table: "Members",
                columns: new[] { "OrganisationId", "IsActive", "PositionTypeId" });

            // Ratings made before this table existed: each person's latest assessor rating per lineage counts.
            migrationBuilder.Sql("""
                INSERT INTO "CountedLevels" ("PersonId", "LineageId", "LevelRank", "RatedAt")
                SELECT "PersonId", "LineageId", "LevelRank", "RatedAt" FROM (
                    SELECT "PersonId", "LineageId", "LevelRank", "RatedAt",
                           ROW_NUMBER() OVER (PARTITION BY "PersonId", "LineageId" ORDER BY "RatedAt" DESC, "Id" DESC) AS "Position"
                    FROM "Ratings" WHERE "Kind" = 'Assessor') AS "Latest"
                WHERE "Position" = 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountedLevels");

            migrationBuilder.DropTable(
                name: "Members");
        }
    }
}
