using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class VolunteerMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VolunteerMoves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToPositionTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OblastId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HromadaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerMoves", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMoves_HromadaId_MovedOn",
                table: "VolunteerMoves",
                columns: new[] { "HromadaId", "MovedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMoves_OblastId_MovedOn",
                table: "VolunteerMoves",
                columns: new[] { "OblastId", "MovedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMoves_OrganisationId_MovedOn",
                table: "VolunteerMoves",
                columns: new[] { "OrganisationId", "MovedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VolunteerMoves");
        }
    }
}
