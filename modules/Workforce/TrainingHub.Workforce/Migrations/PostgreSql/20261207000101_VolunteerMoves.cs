using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class VolunteerMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VolunteerMoves",
                schema: "workforce",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ToPositionTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    OblastId = table.Column<Guid>(type: "uuid", nullable: true),
                    HromadaId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerMoves", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMoves_HromadaId_MovedOn",
                schema: "workforce",
                table: "VolunteerMoves",
                columns: new[] { "HromadaId", "MovedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMoves_OblastId_MovedOn",
                schema: "workforce",
                table: "VolunteerMoves",
                columns: new[] { "OblastId", "MovedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerMoves_OrganisationId_MovedOn",
                schema: "workforce",
                table: "VolunteerMoves",
                columns: new[] { "OrganisationId", "MovedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VolunteerMoves",
                schema: "workforce");
        }
    }
}
