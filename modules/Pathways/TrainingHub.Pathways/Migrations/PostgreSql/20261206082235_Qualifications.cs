using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Pathways.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Qualifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Qualifications",
                schema: "pathways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PositionTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    DutiesUk = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DutiesEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EducationUk = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EducationEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExperienceUk = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExperienceEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CpdHoursPerYear = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Qualifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_PositionTypeId",
                schema: "pathways",
                table: "Qualifications",
                column: "PositionTypeId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Qualifications",
                schema: "pathways");
        }
    }
}
