using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Organisations.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class TreeStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TreeStamp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreeStamp", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "TreeStamp",
                columns: new[] { "Id", "Stamp" },
                values: new object[] { 1, new Guid("3b0b9c3e-52a4-4f51-9d1e-6f4c2c1d7a10") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TreeStamp");
        }
    }
}
