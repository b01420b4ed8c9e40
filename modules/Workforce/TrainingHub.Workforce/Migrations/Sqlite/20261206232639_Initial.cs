using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Communities",
                columns: table => new
                {
                    HromadaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Settlement = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    FamiliesInDifficulty = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildrenWithDisabilities = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communities", x => x.HromadaId);
                });

            migrationBuilder.CreateTable(
                name: "CountedPositions",
                columns: table => new
                {
                    PositionTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountedAs = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedPositions", x => x.PositionTypeId);
                });

            migrationBuilder.CreateTable(
                name: "FundedPosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PositionTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Posts = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundedPosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Norms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Targets_MaxPeoplePerSocialWorker = table.Column<int>(type: "INTEGER", nullable: true),
                    Targets_MaxChildrenPerSocialWorker = table.Column<int>(type: "INTEGER", nullable: true),
                    Targets_MinVolunteersPer10000 = table.Column<int>(type: "INTEGER", nullable: true),
                    Targets_MaxVacancyPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Norms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Staff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OblastId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HromadaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PositionTypeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Staff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workforce_ProcessedIntegrationEvents",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workforce_ProcessedIntegrationEvents", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundedPosts_OrganisationId_PositionTypeId",
                table: "FundedPosts",
                columns: new[] { "OrganisationId", "PositionTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Staff_HromadaId_IsActive_PositionTypeId",
                table: "Staff",
                columns: new[] { "HromadaId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_OblastId_IsActive_PositionTypeId",
                table: "Staff",
                columns: new[] { "OblastId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_OrganisationId_IsActive_PositionTypeId",
                table: "Staff",
                columns: new[] { "OrganisationId", "IsActive", "PositionTypeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Communities");

            migrationBuilder.DropTable(
                name: "CountedPositions");

            migrationBuilder.DropTable(
                name: "FundedPosts");

            migrationBuilder.DropTable(
                name: "Norms");

            migrationBuilder.DropTable(
                name: "Staff");

            migrationBuilder.DropTable(
                name: "workforce_ProcessedIntegrationEvents");
        }
    }
}
