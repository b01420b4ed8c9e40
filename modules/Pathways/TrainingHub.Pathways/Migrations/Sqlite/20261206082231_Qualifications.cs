using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Pathways.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Qualifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Qualifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PositionTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DutiesUk = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DutiesEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EducationUk = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EducationEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ExperienceUk = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ExperienceEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CpdHoursPerYear = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Qualifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_PositionTypeId",
                table: "Qualifications",
                column: "PositionTypeId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Qualifications");
        }
    }
}
