using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "workforce");

            migrationBuilder.CreateTable(
                name: "Communities",
                schema: "workforce",
                columns: table => new
                {
                    HromadaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Settlement = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    FamiliesInDifficulty = table.Column<int>(type: "integer", nullable: true),
                    ChildrenWithDisabilities = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communities", x => x.HromadaId);
                });

            migrationBuilder.CreateTable(
                name: "CountedPositions",
                schema: "workforce",
                columns: table => new
                {
                    PositionTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountedAs = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedPositions", x => x.PositionTypeId);
                });

            migrationBuilder.CreateTable(
                name: "FundedPosts",
                schema: "workforce",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PositionTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Posts = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundedPosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Norms",
                schema: "workforce",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Targets_MaxPeoplePerSocialWorker = table.Column<int>(type: "integer", nullable: true),
                    Targets_MaxChildrenPerSocialWorker = table.Column<int>(type: "integer", nullable: true),
                    Targets_MinVolunteersPer10000 = table.Column<int>(type: "integer", nullable: true),
                    Targets_MaxVacancyPercent = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Norms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedIntegrationEvents",
                schema: "workforce",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedIntegrationEvents", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "Staff",
                schema: "workforce",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    OblastId = table.Column<Guid>(type: "uuid", nullable: true),
                    HromadaId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    PositionTypeId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Staff", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundedPosts_OrganisationId_PositionTypeId",
                schema: "workforce",
                table: "FundedPosts",
                columns: new[] { "OrganisationId", "PositionTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Staff_HromadaId_IsActive_PositionTypeId",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "HromadaId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_OblastId_IsActive_PositionTypeId",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "OblastId", "IsActive", "PositionTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_OrganisationId_IsActive_PositionTypeId",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "OrganisationId", "IsActive", "PositionTypeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Communities",
                schema: "workforce");

            migrationBuilder.DropTable(
                name: "CountedPositions",
                schema: "workforce");

            migrationBuilder.DropTable(
                name: "FundedPosts",
                schema: "workforce");

            migrationBuilder.DropTable(
                name: "Norms",
                schema: "workforce");

            migrationBuilder.DropTable(
                name: "ProcessedIntegrationEvents",
                schema: "workforce");

            migrationBuilder.DropTable(
                name: "Staff",
                schema: "workforce");
        }
    }
}
