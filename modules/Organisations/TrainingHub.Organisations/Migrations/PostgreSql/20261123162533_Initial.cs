using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Organisations.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "organisations");

            migrationBuilder.CreateTable(
                name: "OrganisationUnits",
                schema: "organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: true),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    KatottgCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: true),
                    Population = table.Column<int>(type: "integer", nullable: true),
                    ChildPopulation = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationUnits_OrganisationUnits_ParentId",
                        column: x => x.ParentId,
                        principalSchema: "organisations",
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationUnits_KatottgCode",
                schema: "organisations",
                table: "OrganisationUnits",
                column: "KatottgCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationUnits_ParentId_NormalizedName",
                schema: "organisations",
                table: "OrganisationUnits",
                columns: new[] { "ParentId", "NormalizedName" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganisationUnits",
                schema: "organisations");
        }
    }
}
