using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Supervision.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddHoursRequirements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HoursRequirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PositionTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TotalHours = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HoursRequirements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HoursRequirementParts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hours = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HoursRequirementParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HoursRequirementParts_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HoursRequirementParts_HoursRequirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "HoursRequirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HoursRequirementParts_ActivityTypeId",
                table: "HoursRequirementParts",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_HoursRequirementParts_RequirementId_ActivityTypeId",
                table: "HoursRequirementParts",
                columns: new[] { "RequirementId", "ActivityTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HoursRequirements_PositionTypeId",
                table: "HoursRequirements",
                column: "PositionTypeId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HoursRequirementParts");

            migrationBuilder.DropTable(
                name: "HoursRequirements");
        }
    }
}
